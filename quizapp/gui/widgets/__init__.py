"""Small reusable widgets: rendered formulas, matrix tables, answer fields, banners."""
