"""The error pages: 400, 403, 404, 500 and a refused CSRF check, in the site layout."""
