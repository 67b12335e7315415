import type { CommandTexts } from './command-texts.fr.js';

/** Texts of the `/charte` commands, English. */
export const commandTextsEn: CommandTexts = {
  help: (p) =>
    [
      '/charte: the ethics committee’s bot 🤖',
      '• `help`: this help',
      '• `rules`: the key rules of the charter',
      '• `tuto`: a (funny) comms tutorial by DM',
      '• `test <text>`: what I would say about a draft, before you post it',
      '• `report <link> <reason>`: report a message to the committee',
      '• `my-data`: what I keep about you',
      ...(p.committee
        ? [
            'Committee:',
            '• `stats [days]` · `mode observe|active` · `threshold <0..1>`',
            '• `exempt #channel` · `include #channel`',
            '• `summary` (the digest now) · `daily <hour>|off` (one daily summary instead of one line per case)',
            '• `launch <YYYY-MM-DD>` · `committee <message>` · `forget @member`',
          ]
        : []),
    ].join('\n'),
  charter: (p) =>
    [
      'The charter, in short 📜',
      `1. Commercial announcements and self-promotion go in ${p.annonces}, and nowhere else (your own profile aside).`,
      '2. Kindness: no insults, no defamation. Disagree politely.',
      '3. No proselytising.',
      '4. The ethics committee keeps watch, with a smile: tips, not sanctions.',
      p.link ? `The full charter: ${p.link}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  tuto: (p) =>
    [
      'A comms tutorial in 5 steps (tested on humans) 🎓',
      '1️⃣ The right channel. An ad in #general is like a flyer slipped into a birthday card: noticed, not in a good way.',
      `2️⃣ The right place to sell: ${p.annonces}. People go there on purpose, so that is where your offer shines ✨.`,
      '3️⃣ A punchy title. What you offer, for whom, in one line. Novels belong in the library.',
      '4️⃣ A price, a contact, a link. No need for “HUGE SALE!!!”: capitals shout, members flee.',
      '5️⃣ Everywhere else, we talk. Questions, help, lessons learned: the community loves them. And if someone asks about your offer in a thread, of course you may answer!',
      'Bonus: not sure? `/charte test <your text>` before posting. 😉',
      '— the ethics committee’s bot 🤖',
    ].join('\n'),
  tutoSent: 'Tutorial sent by DM! 📬',
  testPromo: (reminder) => `If you posted this outside the announcements channel, I would send you this:\n${reminder}`,
  testClean: (score) => `Nothing to report, all good 👌 (score ${score})`,
  testConduct: (reasons) => `⚠️ This message would be reported to the committee: ${reasons}.`,
  testUsage: 'Usage: `/charte test <your text>`',
  reportUsage: 'Usage: `/charte report <message link> <reason>`',
  myData: (p) =>
    p.lines.length === 0 && p.reminders === 0
      ? `I keep nothing about you. 🫙 (Everything is erased after ${p.retentionDays} days anyway.)`
      : [
          `What I keep about you: ${p.reminders} recent reminder(s), ${p.lines.length} case(s).`,
          ...p.lines,
          `Kept ${p.retentionDays} days at most. To erase it all, ask the committee.`,
        ].join('\n'),
  refused: 'Sorry, this command is for members of the ethics committee. 🙏 Type `/charte help` for the list of commands.',
  modeSet: (mode) =>
    mode === 'observation' ? 'Observation mode: the committee sees what I would have sent; nobody gets a DM.' : 'Active mode: I send reminders by DM.',
  modeUsage: 'Usage: `/charte mode observe` or `/charte mode active`',
  channelUsage: (cmd) => `Usage: \`/charte ${cmd} #channel\``,
  channelNotFound: (name) => `I can’t find the channel “${name}”.`,
  exempted: (channel) => `${channel} is exempt: I no longer read it.`,
  included: (channel) => `${channel} is watched again.`,
  thresholdSet: (v) => `Threshold set to ${v}. (Higher = fewer reminders, but more missed ads.)`,
  thresholdUsage: 'Usage: `/charte threshold 0.6` (a number between 0 and 1)',
  launchUsage: 'Usage: `/charte launch 2026-12-15` (or 15/12/2026)',
  launchNoGeneral: (name) => `I can’t find the channel “${name}” to announce the launch.`,
  launchAnnouncement: (p) =>
    [
      `📣 New: ${p.annonces}! Commercial announcements now have their own channel.`,
      `From ${p.date} on, that is where (and only where, your own profile aside) we share offers, services and deals. Join it to see them!`,
      'Until then, take your time to prepare your ad 🎨. Questions? `/charte help`',
      '— the ethics committee’s bot 🤖',
    ].join('\n'),
  launchSet: (p) => `Launch announced in ${p.channel}. Until ${p.date}, gentle reminders and no committee alerts.`,
  committeePost: (message) => `🏛️ The ethics committee: ${message}`,
  committeePosted: 'Posted on behalf of the committee. ✅',
  committeeUsage: 'Usage: `/charte committee <message>`',
  forgetUsage: 'Usage: `/charte forget @member`',
  forgetUnknown: (name) => `I don’t know “${name}”.`,
  forgotten: (p) => `I erased ${p.who}: ${p.count} case(s) and their whole history.`,
  digestSet: (hour) =>
    hour === null ? 'Daily summary off: one line per case, as before.' : `Daily summary at ${hour}:00: one line a day instead of one per case.`,
  digestUsage: 'Usage: `/charte daily 18` (hour 0–23) or `/charte daily off`',
  audit: (p) => `🛠️ ${p.who}: ${p.what}`,
  stats: (p) =>
    [
      `📊 Last ${p.days} days: ${p.total} case(s)`,
      `• reminders sent: ${p.reminded} · repeats without DM: ${p.repeats} · in observation: ${p.observed}`,
      `• conduct: ${p.conduct} · reports: ${p.reports}`,
      `• contested: ${p.contested} · reposted in announcements: ${p.reposted}`,
      `• committee verdicts: ${p.confirmed} good catch, ${p.falsePositives} false positives`,
      `• channels: ${p.channels || '—'}`,
      `⚙️ mode ${p.mode} · threshold ${p.threshold} · launch ${p.launch} · summary ${p.digest} · exempt ${p.exempt}`,
    ].join('\n'),
  none: 'none',
  perCase: 'per case',
  error: 'Oops, I couldn’t do that (technical problem). Try again in a moment. 🙏',
};
