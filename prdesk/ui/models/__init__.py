"""Qt item models over the store: what the pages' table and list views show."""
