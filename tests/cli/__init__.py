"""Tests of the ``dangjian`` command."""
