"""The yearly cycle's pages, one module per topic."""
