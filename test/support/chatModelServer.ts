/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 for the LLM tests: the real `openai`
 * client talks to it over real HTTP. Each test sets how it answers and reads what it was sent.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequest {
  model: string;
  messages: Array<{ role: string; content: string }>;
}

/** An HTTP answer, 'hang' (never answers: the client must time out), or an answer after a delay. */
export type ChatReply = { status: number; body: unknown; delayMs?: number } | 'hang';

export interface ChatModelServer {
  /** Pass as OPENAI_BASE_URL. */
  baseUrl: string;
  /** Every request body received, oldest first. */
  requests: ChatRequest[];
  reply: (request: ChatRequest) => ChatReply;
  close(): Promise<void>;
}

/** A chat completion whose message content is `content`. */
export function completion(content: string, usage = { prompt_tokens: 321, completion_tokens: 45, total_tokens: 366 }): Exclude<ChatReply, 'hang'> {
  return {
    status: 200,
    body: {
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 1_764_000_000,
      model: 'test-model',
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage,
    },
  };
}

export async function startChatModelServer(reply: ChatModelServer['reply'] = () => ({ status: 500, body: {} })): Promise<ChatModelServer> {
  const state: ChatModelServer = { baseUrl: '', requests: [], reply, close: async () => undefined };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += String(d)));
    req.on('end', () => {
      const body = JSON.parse(raw) as ChatRequest;
      state.requests.push(body);
      const r = state.reply(body);
      if (r === 'hang') return;
      const send = () => {
        res.writeHead(r.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(r.body));
      };
      if (r.delayMs) setTimeout(send, r.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  state.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return state;
}
