"""Baseline servers for bench/realtime_chat.py (not benchmarks themselves)."""
