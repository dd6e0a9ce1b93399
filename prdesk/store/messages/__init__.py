"""The messages area in the database: templates, the archive, bereavements, occasion plans, batches."""
