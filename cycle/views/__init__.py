"""The yearly cycle's pages, one module per topic (cycle/urls.py imports the modules)."""
