"""Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) under /open311/v2/."""
