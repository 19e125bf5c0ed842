"""Data shipped with Yichuang: demo catalog, styles, sounds, translations."""
