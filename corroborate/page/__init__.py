"""What the Streamlit page shows: escaped HTML fragments and the compare view's helpers."""
