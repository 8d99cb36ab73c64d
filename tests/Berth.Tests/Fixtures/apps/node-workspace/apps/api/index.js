import Fastify from 'fastify';
const fastify = Fastify();
fastify.get('/healthz', async () => ({ ok: true }));
await fastify.listen({ port: Number(process.env.PORT ?? 4000), host: '0.0.0.0' });
