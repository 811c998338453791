"""Excel in and out (no Qt): grids, headers, mapping, import, export, fill-back, unit forms."""
