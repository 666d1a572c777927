"""Build helpers: vendoring npm packages, bundling the calculators, checking the built site."""
