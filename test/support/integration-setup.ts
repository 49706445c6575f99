// Integration specs talk to real brokers and databases and spawn processes.
jest.setTimeout(180_000);
