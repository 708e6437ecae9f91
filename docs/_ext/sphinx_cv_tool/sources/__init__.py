"""A CV's sources written for you: a starter CV (``new``), or a CV imported from JSON Resume or RenderCV."""
