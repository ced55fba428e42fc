// Tests never reach the network; each test file opts into the hosts it mocks with nock.
process.env.LOG_LEVEL ??= "silent";
