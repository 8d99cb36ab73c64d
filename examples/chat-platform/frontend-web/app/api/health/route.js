// Route handler: GET answers, and Next.js answers HEAD from it as well.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ status: 'ok', release: process.env.RELEASE ?? 'dev' });
}
