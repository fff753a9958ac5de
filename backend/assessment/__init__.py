"""考核评价: each unit's measures over a period, a weighted score and a ranking (issue 11, 8)."""
