"""The statutory statistical forms of Thông tư 02/2023/TT-BNV (Biểu 0601–0605), computed for a
scope and a period of whole years, and rendered as XLSX and PDF in the official layout."""
