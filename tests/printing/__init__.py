"""Tests of the printing package: PDFs parsed back, QR codes decoded back."""
