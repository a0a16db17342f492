#!/bin/sh
# LocalStack ready.d hook: the pipeline's bucket and table, so LocalStack is usable on its own (e.g. with
# AWS_ENDPOINT_URL_SFN pointing at LocalStack's Step Functions in a newer image). Names and key schema
# are the ones `npm run bootstrap` uses (src/config/config.ts defaults, src/pipeline/deploy.ts), which
# also creates both idempotently. Re-running this hook changes nothing that exists.
# The stand-in image used on registry-less CI machines does not run hooks; bootstrap covers it there.
set -eu

# Talk to this LocalStack's own listener (GATEWAY_LISTEN, first address; 0.0.0.0:4566 by default), wherever
# compose put it (compose.host.yml moves it to LOCALSTACK_PORT). LOCALSTACK_HOST is what LocalStack writes into
# the URLs it returns (the front door's port in docker-compose.yml), so the hook's awslocal gets its own value,
# and AWS_ENDPOINT_URL for awslocal versions that read that instead.
listen=${GATEWAY_LISTEN:-0.0.0.0:4566}
listen=${listen%%,*}
port=${listen##*:}
host=${listen%:*}
case $host in '' | 0.0.0.0 | '[::]' | ::) host=127.0.0.1 ;; esac
export LOCALSTACK_HOST="$host:$port" AWS_ENDPOINT_URL="http://$host:$port"
echo "ready.d: creating the pipeline's bucket and table through $AWS_ENDPOINT_URL"

bucket=${SANDBOX_BUCKET:-orders-bucket}
table=${SANDBOX_TABLE:-orders}

if awslocal s3api head-bucket --bucket "$bucket" >/dev/null 2>&1; then
  echo "bucket s3://$bucket exists"
else
  # `s3 mb` adds the LocationConstraint that regions other than us-east-1 require.
  awslocal s3 mb "s3://$bucket" >/dev/null
  echo "bucket s3://$bucket created"
fi

if awslocal dynamodb describe-table --table-name "$table" >/dev/null 2>&1; then
  echo "table $table exists"
else
  awslocal dynamodb create-table --table-name "$table" --billing-mode PAY_PER_REQUEST \
    --attribute-definitions AttributeName=pk,AttributeType=S AttributeName=sk,AttributeType=S \
    --key-schema AttributeName=pk,KeyType=HASH AttributeName=sk,KeyType=RANGE >/dev/null
  awslocal dynamodb wait table-exists --table-name "$table"
  echo "table $table created"
fi
