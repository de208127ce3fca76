"""The yearly cycle's pages, one module per topic; cycle/urls.py uses the names here."""
