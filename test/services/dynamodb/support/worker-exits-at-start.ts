// Stand-in for the DynamoDB worker's entry: it exits before its store is open.
process.exit(7);
