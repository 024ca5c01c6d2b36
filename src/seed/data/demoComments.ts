/** A short discussion under the reference article, so the demo shows a real thread. */
export interface SeedComment {
  name: string
  email: string
  body: string
  status: 'pending' | 'approved'
  replies?: Omit<SeedComment, 'replies'>[]
}

export const demoComments: { article: string; comments: SeedComment[] } = {
  article: 'ren-zhengfei-us-china-ai-divergent-directions',
  comments: [
    {
      name: 'Lena Hoffmann',
      email: 'lena.hoffmann@example.com',
      status: 'approved',
      body: 'The comparison table is useful, but the figures are vendor claims.\nIt would help to know which benchmark the TOPS numbers come from.',
      replies: [
        {
          name: 'Tomás Reyes',
          email: 'tomas.reyes@example.com',
          status: 'approved',
          body: 'Agreed. Peak FP16 numbers rarely survive contact with a real training run.',
        },
      ],
    },
    {
      name: 'Priya Nair',
      email: 'priya.nair@example.com',
      status: 'approved',
      body: 'The point about open-source models as a hedge against export controls deserves its own piece.',
    },
    {
      name: 'J. Okafor',
      email: 'j.okafor@example.com',
      status: 'pending',
      body: 'Does anyone have a source for the 30 % recruitment figure?',
    },
  ],
}
