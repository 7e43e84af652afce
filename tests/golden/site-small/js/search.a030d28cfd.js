/* Stand-in for the theme's search client, so that golden files do not change with it. */
