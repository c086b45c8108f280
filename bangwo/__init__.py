"""bangwo (帮我, "help me"): service AI that gets things done."""

__version__ = "0.1.0"
