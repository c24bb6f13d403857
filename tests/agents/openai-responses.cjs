// The npm `openai` SDK (pinned in install.sh) against Majordomo's POST /v1/responses: a plain answer,
// a stream, a function call round trip and previous_response_id. Run by ResponsesNodeSdkTests with
// NODE_PATH at the agent cache; prints one JSON object with what the SDK saw.
// Usage: node openai-responses.cjs <baseURL> <model>
const { OpenAI } = require('openai');

async function main() {
  const [baseURL, model] = process.argv.slice(2);
  const client = new OpenAI({ baseURL, apiKey: 'unused', maxRetries: 0 });
  const out = {};

  const plain = await client.responses.create({ model, instructions: 'Be brief.', input: 'Say hello', max_output_tokens: 50 });
  out.plain = { text: plain.output_text, id: plain.id, status: plain.status, usage: plain.usage };

  const events = [];
  let streamed = '';
  let completed = null;
  const stream = await client.responses.create({ model, input: [{ role: 'user', content: [{ type: 'input_text', text: 'Stream please' }] }], stream: true });
  for await (const event of stream) {
    events.push(event.type);
    if (event.type === 'response.output_text.delta') streamed += event.delta;
    if (event.type === 'response.completed') completed = event.response;
  }
  // output_text is a convenience the SDK adds to create()'s result only: read the items of the event's response.
  const completedText = completed && completed.output
    .filter((item) => item.type === 'message')
    .flatMap((item) => item.content.filter((part) => part.type === 'output_text').map((part) => part.text))
    .join('');
  out.stream = { text: streamed, events, completedText, usage: completed && completed.usage };

  const tools = [{ type: 'function', name: 'get_weather', description: 'Weather for a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }, strict: false }];
  const first = await client.responses.create({ model, input: 'Weather in Paris?', tools });
  const call = first.output.find((item) => item.type === 'function_call');
  out.call = call ? { name: call.name, arguments: call.arguments, call_id: call.call_id } : null;
  if (call) {
    const second = await client.responses.create({
      model,
      previous_response_id: first.id,
      input: [{ type: 'function_call_output', call_id: call.call_id, output: 'sunny, 24C' }],
      tools,
    });
    out.afterTool = second.output_text;
  }

  try {
    await client.responses.create({ model, input: 'x', previous_response_id: 'resp_unknown' });
    out.unknown = 'no error';
  } catch (err) {
    out.unknown = { status: err.status, param: err.param, code: err.code };
  }

  process.stdout.write(JSON.stringify(out));
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack || err));
  process.exit(1);
});
