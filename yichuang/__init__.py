"""Yichuang core: the hall's domain (catalog, queue, cases) and its storage. No Qt here."""
