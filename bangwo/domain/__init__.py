"""Plain types shared by all of bangwo. Nothing here does I/O."""
