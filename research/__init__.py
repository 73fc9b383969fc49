"""Stance-model research tooling (training, averaging, distillation, dev reports); not shipped."""
