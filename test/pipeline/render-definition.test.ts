import { configFromEnv } from '../../src/config/config';
import { loadDefinition, renderDefinition, renderValuesFrom } from '../../src/pipeline/render-definition';

const values = renderValuesFrom(configFromEnv({ AWS_REGION: 'eu-west-1', SANDBOX_BUCKET: 'b1', SANDBOX_PREFIX: 'in', SANDBOX_TABLE: 't1' }));

describe('renderDefinition', () => {
  it('fills the article placeholders and ours from the config', () => {
    const parent = JSON.parse(loadDefinition('parent.asl.json', values));
    const map = parent.States['Read CSV file from S3'];
    expect(map.ItemProcessor.States['Write a batch of items to DynamoDB table'].Arguments.StateMachineArn).toBe(
      'arn:aws:states:eu-west-1:000000000000:stateMachine:write-to-ddb',
    );
    expect(map.ItemReader.Arguments.Key).toBe("{% $states.input.key ? $states.input.key : 'in/orders.csv' %}");
    expect(map.ItemBatcher.BatchInput.ddbTable).toBe('t1');
  });

  it('renders the article variants too', () => {
    const parent = JSON.parse(loadDefinition('examples/article-parent.asl.json', values));
    const map = parent.States['Read CSV file from S3'];
    expect(map.ItemReader.Arguments).toEqual({ Bucket: 'b1', Key: 'in/orders.csv' });
  });

  it('leaves JSONata comparison operators alone and rejects unknown {{{ }}} tokens', () => {
    expect(JSON.parse(renderDefinition('{"x": "{% $a < 5 and $b > 2 %}"}', values))).toEqual({ x: '{% $a < 5 and $b > 2 %}' });
    expect(() => renderDefinition('{"x": "{{{AWS::Partition}}}"}', values)).toThrow('Unknown placeholder {{{AWS::Partition}}}');
  });
});
