"""Dossier interchange: Word/Excel intake with a review screen, and verified dossier packages between levels."""
