"""Screens of supervision after the ledger: 挂牌督办, 验收销号, 佐证材料, 追责问责, 大事记."""
