"""Forms of the yearly cycle, one module per topic; the services apply the rules."""
