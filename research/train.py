"""Train the stance cross-encoder (CPU or GPU): ``python -m research.train --out DIR``.

multilingual-e5-small (12 layers) gets a 4-way head; the embeddings and the lower
``freeze_layers`` encoder layers stay frozen (they are taken from the base at load time, so
only the upper layers, the pooler and the head are shipped). Speed on 2 shared cores comes
from dynamic padding with length bucketing, a 128-token cap, frozen lower layers (no
backward pass through them) and one pass over a capped mixture. The learning rate follows
``max(step share, time share)`` so a run given ``--max-minutes`` still decays to zero and
ends on time; a checkpoint in shipped format is written every ``--checkpoint-minutes``.
``--epochs`` passes over the mixture; ``--pack DIR`` trains on a pack (:mod:`research.pack`)
where the shared data is not, e.g. with ``--device cuda`` on a lent GPU.
"""

from __future__ import annotations

import json
import logging
import os
import random
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from corroborate.domain import STANCE_LABELS
from corroborate.stance.data import StancePair, stratified_sample
from corroborate.stance.model import CLAIM_PREFIX, PASSAGE_PREFIX
from corroborate.stance.shipped import (
    base_fingerprint,
    build_from_base,
    load_parent,
    read_meta,
    tensors_digest,
    weights_fingerprint,
)

from .mixture import label_counts
from .trainconfig import TrainConfig, TrainReport, build_parser, parse_args
from .weights_io import save_shipped

__all__ = ["TrainConfig", "TrainReport", "build_parser", "check_sample", "freeze", "interleave",
           "load_init", "make_batches", "parse_args", "reinit_head", "run", "symmetric_kl", "train",
           "twin_batches_of"]

log = logging.getLogger(__name__)


def make_batches(lengths: Sequence[int], batch_size: int, seed: int,
                 chunk: int = 64) -> list[list[int]]:
    """Length-bucketed batches: shuffle, sort within chunks of ``chunk`` batches, shuffle them."""
    rng = random.Random(seed)
    order = list(range(len(lengths)))
    rng.shuffle(order)
    batches: list[list[int]] = []
    span = batch_size * chunk
    for start in range(0, len(order), span):
        block = sorted(order[start:start + span], key=lambda i: lengths[i])
        batches.extend(block[j:j + batch_size] for j in range(0, len(block), batch_size))
    rng.shuffle(batches)
    return batches


def freeze(model: Any, freeze_layers: int) -> list[str]:
    """Freeze the embeddings and the lower layers; return the names of trainable tensors."""
    for p in model.bert.embeddings.parameters():
        p.requires_grad = False
    for layer in model.bert.encoder.layer[:freeze_layers]:
        for p in layer.parameters():
            p.requires_grad = False
    return [n for n, p in model.named_parameters() if p.requires_grad]


def reinit_head(model: Any, seed: int) -> None:
    """Fresh pooler and classifier (the converted e5 pooler is all zeros)."""
    import torch

    gen = torch.Generator().manual_seed(seed)
    std = model.config.initializer_range
    for linear in (model.bert.pooler.dense, model.classifier):
        with torch.no_grad():
            linear.weight.copy_(torch.randn(linear.weight.shape, generator=gen) * std)
            linear.bias.zero_()


def _check_accuracy(model: Any, tokenizer: Any, pairs: Sequence[StancePair],
                    max_length: int, device: str = "cpu") -> dict[str, Any]:
    """Accuracy on the check pairs, overall and per source, and the share of polar pairs read
    with the opposite polarity (supports as contradicts or the reverse)."""
    import torch

    from corroborate.stance.model import encode_pairs

    model.eval()
    label_of = {int(k): v for k, v in model.config.id2label.items()}
    right: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    opposite = polar = 0
    with torch.inference_mode():
        for s in range(0, len(pairs), 32):
            chunk = pairs[s:s + 32]
            enc = encode_pairs(tokenizer, [p.claim for p in chunk], [p.passage for p in chunk],
                               max_length)
            pred = model(**{k: v.to(device) for k, v in enc.items()}).logits.argmax(-1).tolist()
            for i, p in zip(pred, chunk, strict=True):
                seen[p.source] += 1
                right[p.source] += label_of[i] == p.label
                if p.label in _POLAR:
                    polar += 1
                    opposite += label_of[i] == _POLAR[p.label]
    model.train()
    return {"accuracy": round(sum(right.values()) / max(1, len(pairs)), 4),
            "opposite": round(opposite / max(1, polar), 4),
            "by_source": {k: round(right[k] / seen[k], 4) for k in sorted(seen)}}


_POLAR = {"supports": "contradicts", "contradicts": "supports"}


def train(config: TrainConfig, train_pairs: Sequence[StancePair],
          check_pairs: Sequence[StancePair] = (),
          soft_targets: Sequence[Mapping[str, float]] | None = None,
          twins: Sequence[tuple[StancePair, StancePair]] = ()) -> TrainReport:
    """Fine-tune the cross-encoder on ``train_pairs``; shipped weights go to ``config.out_dir``.

    Args:
        config: the run's knobs.
        train_pairs: the training mixture (already shuffled or not; batches are seeded).
        check_pairs: a small mixed dev sample scored at each checkpoint (logged only).
        soft_targets: a teacher's probabilities over the stance labels, one row per pair
            (distillation): the loss is then ``(1 - w) * cross-entropy(labels) + w * T² *
            KL(teacher ‖ student)``, both distributions softened by the temperature ``T``
            (``config.distill_weight``, ``config.distill_temperature``).
        twins: pairs whose claims are one sentence in two languages: they train in batches of
            their own, both members labelled, plus ``config.consistency_weight`` × the symmetric
            KL divergence between the two members' readings (one reading whatever the claim's
            language). Not with ``soft_targets``.

    Returns:
        A :class:`TrainReport`.

    Raises:
        ValueError: ``soft_targets`` does not hold one row per pair, or comes with ``twins``.
    """
    import torch
    from transformers import AutoTokenizer

    torch.set_num_threads(config.threads)
    torch.manual_seed(config.seed)
    random.seed(config.seed)
    started = time.monotonic()
    out = Path(config.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tokenizer = AutoTokenizer.from_pretrained(str(config.base_dir), local_files_only=True)
    if twins and soft_targets is not None:
        raise ValueError("twins and soft_targets (distillation) do not train together")
    device = config.device
    model = build_from_base(config.base_dir, config.layers)
    if config.parent_dir is not None:
        log.info("building on %s (%d tensors)", config.parent_dir,
                 len(load_parent(model, config.parent_dir)))
    trainable = freeze(model, config.freeze_layers)
    if config.init_dir is not None:
        load_init(model, Path(config.init_dir), trainable, layers=model.config.num_hidden_layers)
    elif config.parent_dir is None:  # with a parent, its pooler and head are the start
        reinit_head(model, config.seed)
    model.to(device)
    state = model.state_dict()
    base_digest = tensors_digest(state, [n for n in state if n not in set(trainable)])
    label2id = {v: int(k) for k, v in model.config.id2label.items()}

    twin_flat = [p for pair in twins for p in pair]
    everything = [*train_pairs, *twin_flat]
    enc = tokenizer([CLAIM_PREFIX + p.claim for p in everything],
                    [PASSAGE_PREFIX + p.passage for p in everything],
                    truncation="longest_first", max_length=config.max_length)
    ids: list[list[int]] = enc["input_ids"]
    if config.pack_dir is not None:
        base_digest = _pack_base_digest(config, ids, base_digest)
    labels = [label2id[p.label] for p in everything]
    teacher = None
    if soft_targets is not None:
        if len(soft_targets) != len(train_pairs):
            raise ValueError(f"soft_targets: {len(soft_targets)} rows for {len(train_pairs)} pairs")
        # log-probabilities in the model's label order; a probability of 0 is floored, not -inf
        order = [model.config.id2label[j] for j in range(len(label2id))]
        teacher = torch.tensor([[max(float(row[name]), 1e-8) for name in order]
                                for row in soft_targets]).log()
    temperature = config.distill_temperature
    batches = []
    twin_batches = []
    for epoch in range(config.epochs):  # each pass shuffled and bucketed afresh
        twins_now = twin_batches_of(len(train_pairs), len(twins), config.batch_size)
        batches.extend(interleave(make_batches([len(x) for x in ids[:len(train_pairs)]],
                                               config.batch_size, config.seed + epoch),
                                  twins_now, config.seed + epoch))
        twin_batches.extend(twins_now)
    twin_set = {id(b) for b in twin_batches}
    log.info("%d pairs, %d batches, %d tokens, trainable tensors %d", len(ids), len(batches),
             sum(len(x) for x in ids), len(trainable))

    head = [n for n in trainable if n.startswith(("classifier.", "bert.pooler."))]
    no_decay = [n for n in trainable if n not in head and (n.endswith(".bias") or "LayerNorm" in n)]
    params = dict(model.named_parameters())
    groups: list[dict[str, Any]] = [
        {"params": [params[n] for n in head], "lr": config.head_lr, "weight_decay": 0.0},
        {"params": [params[n] for n in no_decay], "lr": config.lr, "weight_decay": 0.0},
        {"params": [params[n] for n in trainable if n not in head and n not in no_decay],
         "lr": config.lr, "weight_decay": config.weight_decay},
    ]
    for g in groups:
        g["base_lr"] = g["lr"]
    optimizer = torch.optim.AdamW(groups)
    pad_id = tokenizer.pad_token_id

    meta_base = {
        "labels": {str(i): label for i, label in enumerate(STANCE_LABELS)},
        "num_hidden_layers": model.config.num_hidden_layers,
        "freeze_layers": config.freeze_layers,
        "from_base": "embeddings (word, position, type, LayerNorm) and encoder layers "
                     f"0..{config.freeze_layers - 1}, unchanged from the base"
                     + (" and its parent weights" if config.parent_dir is not None else ""),
        "base_fingerprint": base_fingerprint(config.base_dir),
        "base_digest": base_digest,
        "base_tokenizer_sha256": _sha256_file(Path(config.base_dir) / "tokenizer.json"),
        "prefixes": {"claim": CLAIM_PREFIX, "passage": PASSAGE_PREFIX},
        "max_length": config.max_length,
        "seed": config.seed,
        "command": config.command,
        "config": {k: str(v) if isinstance(v, Path) else v for k, v in config.__dict__.items()},
        "train_label_counts": label_counts(train_pairs),
        "train_source_counts": dict(sorted(_source_counts(everything).items())),
        "twins": len(twins),
    }
    if teacher is not None:  # the teacher by fingerprint when it is a weights folder
        meta_base["distilled_from"] = {
            "fingerprint": (weights_fingerprint(Path(config.distill_dir))
                            if config.distill_dir is not None else None),
            "weight": config.distill_weight, "temperature": temperature}
    if config.init_dir is not None:
        previous = read_meta(Path(config.init_dir))
        meta_base["init"] = {k: previous.get(k)
                             for k in ("command", "training", "train_label_counts",
                                       "train_source_counts", "init")
                             if previous.get(k)}
    report = TrainReport()
    model.train()
    max_seconds = config.max_minutes * 60
    last_ckpt = time.monotonic()
    window: list[float] = []

    parent_fingerprint = (weights_fingerprint(Path(config.parent_dir))
                          if config.parent_dir is not None else None)

    def save(folder: Path, extra: dict[str, Any]) -> None:
        model.eval()
        if config.parent_dir is not None:  # relative, so that the pair can move together
            extra = {"parent": os.path.relpath(Path(config.parent_dir).resolve(), folder.resolve()),
                     "parent_fingerprint": parent_fingerprint, **extra}
        save_shipped(model, folder, trainable, {**meta_base, **extra}, storage=config.storage)
        model.train()

    for step, batch in enumerate(batches, start=1):
        progress = max(step / len(batches), (time.monotonic() - started) / max_seconds)
        if progress > 1.0:
            log.info("time budget reached at step %d of %d", step, len(batches))
            break
        scale = min(1.0, progress / config.warmup) if progress < config.warmup else \
            max(0.0, (1.0 - progress) / (1.0 - config.warmup))
        for g in optimizer.param_groups:
            g["lr"] = g["base_lr"] * scale
        width = max(len(ids[i]) for i in batch)
        input_ids = torch.full((len(batch), width), pad_id, dtype=torch.long)
        mask = torch.zeros((len(batch), width), dtype=torch.long)
        for row, i in enumerate(batch):
            input_ids[row, :len(ids[i])] = torch.tensor(ids[i])
            mask[row, :len(ids[i])] = 1
        y = torch.tensor([labels[i] for i in batch]).to(device)
        with torch.autocast(device.split(":")[0], dtype=torch.bfloat16, enabled=config.bf16):
            logits = model(input_ids=input_ids.to(device),
                           attention_mask=mask.to(device)).logits.float()
        loss = torch.nn.functional.cross_entropy(logits, y)
        if id(batch) in twin_set:  # members side by side: (0, 1), (2, 3), ...
            loss = loss + config.consistency_weight * symmetric_kl(logits[0::2], logits[1::2])
        if teacher is not None:
            target = torch.softmax(teacher[batch] / temperature, dim=-1)
            kl = torch.nn.functional.kl_div(torch.log_softmax(logits / temperature, dim=-1), target,
                                            reduction="batchmean") * temperature ** 2
            loss = (1.0 - config.distill_weight) * loss + config.distill_weight * kl
        loss.backward()
        torch.nn.utils.clip_grad_norm_([params[n] for n in trainable], 1.0)
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        report.steps, report.pairs = step, report.pairs + len(batch)
        window.append(loss.item())
        if step % 50 == 0:
            elapsed = time.monotonic() - started
            report.final_loss = sum(window) / len(window)
            log.info("step %d/%d loss %.4f lr×%.3f %.1f pairs/s elapsed %.1f min",
                     step, len(batches), report.final_loss, scale, report.pairs / elapsed,
                     elapsed / 60)
            window.clear()
        if time.monotonic() - last_ckpt > config.checkpoint_minutes * 60:
            check = (_check_accuracy(model, tokenizer, check_pairs, config.max_length, device)
                     if check_pairs else None)
            info = {"step": step, "pairs": report.pairs,
                    "minutes": round((time.monotonic() - started) / 60, 1),
                    "check_accuracy": check}
            report.checks.append(info)
            log.info("checkpoint %s", info)
            save(out / "checkpoint", {"training": info})
            last_ckpt = time.monotonic()
    report.seconds = time.monotonic() - started
    check = (_check_accuracy(model, tokenizer, check_pairs, config.max_length, device)
             if check_pairs else None)
    final = {"step": report.steps, "pairs": report.pairs, "minutes": round(report.seconds / 60, 1),
             "check_accuracy": check, "of_batches": len(batches), "checks": report.checks}
    save(out, {"training": final})
    (out / "train_report.json").write_text(json.dumps(final, indent=2) + "\n", encoding="utf-8")
    log.info("trained %d steps (%d pairs) in %.1f min; weights in %s", report.steps, report.pairs,
             report.seconds / 60, out)
    return report


def twin_batches_of(start: int, n_twins: int, batch_size: int) -> list[list[int]]:
    """Batches of twins (``batch_size // 2`` twins each, members side by side), whose pairs sit
    at ``start``, ``start + 1``, ... of the tokenised list."""
    per = max(1, batch_size // 2)
    return [[start + 2 * t + k for t in range(s, min(s + per, n_twins)) for k in (0, 1)]
            for s in range(0, n_twins, per)]


def interleave(batches: list[list[int]], extra: list[list[int]], seed: int) -> list[list[int]]:
    """``batches`` with ``extra`` spread among them at seeded random places (order kept)."""
    if not extra:
        return batches
    rng = random.Random(seed + 1)
    slots = sorted(rng.randrange(len(batches) + 1) for _ in extra)
    out: list[list[int]] = []
    j = 0
    for i, batch in enumerate(batches):
        while j < len(slots) and slots[j] == i:
            out.append(extra[j])
            j += 1
        out.append(batch)
    out.extend(extra[j:])
    return out


def symmetric_kl(a: Any, b: Any) -> Any:
    """Mean symmetric KL divergence between the softmax readings of two rows of logits."""
    import torch.nn.functional as F

    la, lb = F.log_softmax(a, dim=-1), F.log_softmax(b, dim=-1)
    return 0.5 * (F.kl_div(la, lb, log_target=True, reduction="batchmean")
                  + F.kl_div(lb, la, log_target=True, reduction="batchmean"))


def load_init(model: Any, init_dir: Path, trainable: Sequence[str],
              layers: int | None = None) -> None:
    """Load shipped stance weights into ``model`` to continue training from them.

    ``layers``: the model keeps only the lower ``layers`` encoder layers; the shipped tensors of
    the layers above are left out (the pooler and head then learn to read a lower layer).

    Raises:
        ValueError: the folder holds no weights, or tensors this run would freeze (they would
            then be left out of the weights it writes).
    """
    import torch

    from corroborate.stance.shipped import load_tensors

    shipped = load_tensors(init_dir)
    if not shipped:
        raise ValueError(f"--init {init_dir}: no stance-*.safetensors weights there")
    if layers is not None:
        shipped = {k: v for k, v in shipped.items() if (_layer_of(k) or 0) < layers}
    frozen = sorted(set(shipped) - set(trainable))
    if frozen:
        raise ValueError(f"--init {init_dir}: its weights train tensors this run would freeze "
                         f"({frozen[0]}, ...); "
                         "use --freeze-layers no higher than the one they were trained with")
    model.load_state_dict({k: v.to(torch.float32) for k, v in shipped.items()}, strict=False)
    log.info("continuing from %s (%d tensors)", init_dir, len(shipped))


def _pack_base_digest(config: TrainConfig, ids: Sequence[Sequence[int]], digest: str) -> str:
    """The real base's digest for a run on a pack's slim base, once the slim base is proved to be
    the packed one (``digest``) and every token of every pair to be a packed row."""
    meta = json.loads((Path(config.pack_dir or ".") / "pack.json").read_text(encoding="utf-8"))
    if meta["freeze_layers"] != config.freeze_layers or config.layers is not None:
        raise ValueError(f"the pack was made for --freeze-layers {meta['freeze_layers']} and all "
                         "layers; the run asks for another model")
    if meta["for_init"] and config.init_dir is None:
        raise ValueError("the pack leaves out the upper layers (--for-init): the run needs --init")
    if digest != meta["slim_digest"]:
        raise ValueError("the base converted from the pack is not the one the pack digested")
    packed = set(meta["token_ids"])
    outside = {t for row in ids for t in row} - packed
    if outside:
        raise ValueError(f"{len(outside)} token ids of the pairs are not in the pack's base")
    return str(meta["base_digest"])


def _layer_of(name: str) -> int | None:
    """The encoder layer a tensor belongs to (``bert.encoder.layer.7.…`` → 7), else None."""
    parts = name.split(".")
    if "layer" in parts:
        at = parts.index("layer") + 1
        if at < len(parts) and parts[at].isdigit():
            return int(parts[at])
    return None


def _sha256_file(path: Path) -> str:
    import hashlib

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _source_counts(pairs: Sequence[StancePair]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for p in pairs:
        counts[p.source] = counts.get(p.source, 0) + 1
    return counts


def check_sample(dev: dict[str, list[StancePair]], per_source: int, seed: int) -> list[StancePair]:
    """A small stratified sample of a few dev sets, scored at checkpoints."""
    picked: list[StancePair] = []
    for name in ("xnli_fr", "xnli_ar", "xnli_fr_en", "ans", "mnli"):
        picked.extend(stratified_sample(dev.get(name, []), per_source, seed))
    return picked


def run(config: TrainConfig) -> TrainReport:
    """Build the mixture from ``config.data_dir`` and train."""
    from .guides import evidence_chooser, teacher_targets
    from .mixture import build_mixture

    if config.pack_dir is not None:
        from .pack import read_pack, unpack_base

        pack = read_pack(config.pack_dir)
        if not (Path(config.base_dir) / "config.json").is_file():
            unpack_base(config.pack_dir, Path(config.base_dir))
        log.info("pack %s: %s", config.pack_dir, pack.meta["counts"])
        return train(config, pack.train, pack.check, twins=pack.twins)
    chooser = None
    if config.evidence_dir is not None:
        from corroborate.settings import Settings
        from corroborate.stance.model import load_stance_model

        judge = load_stance_model(Settings.load(), path=config.evidence_dir)
        log.info("news training passages picked by %s (%s)", config.evidence_dir,
                 judge.fingerprint[:16])
        chooser = evidence_chooser(judge, neutral=config.evidence_neutral)
    mix = build_mixture(config.data_dir, seed=config.seed, scale=config.scale,
                        cross_scale=config.cross_scale, context_scale=config.context_scale,
                        news_scale=config.news_scale, behaviour_scale=config.behaviour_scale,
                        behaviour_shares=dict(config.behaviour_shares),
                        negation_scale=config.negation_scale, chooser=chooser)
    if chooser is not None:
        moved = Counter(p.source for p in mix.train
                        if p.source in ("fnc1", "arc") and not p.id.endswith("#0"))
        log.info("news training pairs whose passage is not the BM25-best: %s", dict(moved))
    train_pairs = list(mix.train)
    for name, (docs, _passages) in mix.dev_docs.items():
        log.info("dev documents %s: %d", name, len(docs))
    soft = None if config.distill_dir is None else \
        teacher_targets(Path(config.distill_dir), train_pairs, config.max_length, config.threads)
    if mix.twins:
        log.info("behaviour pairs %d, twins %d", sum(p.source.startswith("beh_")
                                                      for p in train_pairs), len(mix.twins))
    return train(config, train_pairs, check_sample(mix.dev, 32, config.seed), soft_targets=soft,
                 twins=mix.twins)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    run(parse_args())
