// Drives Wenjin's /v1 with the official OpenAI client, one scenario per run, and prints what it
// saw as one JSON line for OpenAiClientIT to check. Errors are printed too (status, class), never
// thrown: the test decides what was expected.
import OpenAI from 'openai';

const [scenario, ...args] = process.argv.slice(2);
const client = new OpenAI({
  baseURL: process.env.WENJIN_BASE_URL,
  apiKey: process.env.WENJIN_API_KEY,
  maxRetries: 0,
  timeout: 60_000,
});

const scenarios = {
  async models() {
    const page = await client.models.list();
    return { ids: page.data.map((m) => m.id), kinds: page.data.map((m) => m.kind) };
  },

  async complete(model, question) {
    const completion = await client.chat.completions.create({
      model,
      messages: [
        { role: 'system', content: 'Answer in one sentence.' },
        { role: 'user', content: question },
      ],
      temperature: 0.2,
      top_p: 0.5,
      max_tokens: 50,
      stop: ['END'],
    });
    return {
      id: completion.id,
      object: completion.object,
      content: completion.choices[0].message.content,
      finish_reason: completion.choices[0].finish_reason,
      usage: completion.usage,
      conversation_id: completion.conversation_id,
      citations: completion.citations,
    };
  },

  async stream(model, question) {
    const stream = await client.chat.completions.create({
      model,
      messages: [{ role: 'user', content: question }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let content = '';
    let chunks = 0;
    let finish_reason = null;
    let usage = null;
    let id = null;
    for await (const chunk of stream) {
      id = chunk.id;
      if (chunk.usage) usage = chunk.usage;
      for (const choice of chunk.choices) {
        chunks++;
        content += choice.delta?.content ?? '';
        if (choice.finish_reason) finish_reason = choice.finish_reason;
      }
    }
    return { id, content, chunks, finish_reason, usage };
  },

  async flow(model, flow, question) {
    // Wenjin's "flow" field rides along with OpenAI's parameters; the client sends it as it is
    const stream = await client.chat.completions.create({
      model,
      ...(flow === '-' ? {} : { flow }),
      messages: [{ role: 'user', content: question }],
      stream: true,
    });
    let content = '';
    let id = null;
    let conversation_id = null;
    let citations = null;
    for await (const chunk of stream) {
      id = chunk.id;
      conversation_id = chunk.conversation_id;
      if (chunk.citations) citations = chunk.citations;
      content += chunk.choices[0]?.delta?.content ?? '';
    }
    return { id, conversation_id, content, citations };
  },

  async embed(model) {
    // no encoding_format: the client asks for base64 and decodes it itself
    const result = await client.embeddings.create({ model, input: ['年假有几天', 'annual leave'] });
    return {
      model: result.model,
      count: result.data.length,
      dimensions: result.data.map((d) => d.embedding.length),
      finite: result.data.every((d) => d.embedding.every(Number.isFinite)),
      usage: result.usage,
    };
  },

  async hangUp(model, question, after) {
    const stream = await client.chat.completions.create({
      model,
      messages: [{ role: 'user', content: question }],
      stream: true,
    });
    let pieces = 0;
    let id = null;
    let conversation_id = null;
    for await (const chunk of stream) {
      id = chunk.id;
      conversation_id = chunk.conversation_id;
      if (chunk.choices[0]?.delta?.content) pieces++;
      if (pieces >= Number(after)) {
        stream.controller.abort(); // the client hangs up mid-answer
        break;
      }
    }
    return { id, conversation_id, pieces };
  },
};

try {
  console.log(JSON.stringify({ ok: true, ...(await scenarios[scenario](...args)) }));
} catch (e) {
  console.log(
    JSON.stringify({ ok: false, status: e.status ?? null, error: e.constructor.name, message: e.message }),
  );
}
