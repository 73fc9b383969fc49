"""The offline demo: the fictional sample corpus, its local feed server and the demo build."""
