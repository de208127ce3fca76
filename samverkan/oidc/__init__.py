"""Sign-in with a Swedish e-ID (BankID, Freja eID) through an OpenID Connect broker."""
