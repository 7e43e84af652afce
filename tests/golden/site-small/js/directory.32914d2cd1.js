/* Stand-in for the theme's directory filters, so that golden files do not change with them. */
