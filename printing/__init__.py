"""Printed documents as PDF bytes, built from plain data. No Qt and no database here."""
