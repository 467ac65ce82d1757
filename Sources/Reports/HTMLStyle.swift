/// The inline style sheets of the HTML pages (no external assets). Colours keep their
/// meaning in print (`print-color-adjust: exact` on highlights and bars).
enum HTMLStyle {
    static let base = """
        :root {
          --ink: #1f2328; --muted: #59636e; --line: #d0d7de; --paper: #ffffff; --page: #f6f8fa;
          --met: #1a7f37; --met-bg: #dafbe1; --todo: #9a6700; --todo-bg: #fff8c5;
          --error: #cf222e; --error-bg: #ffebe9; --caution: #9a6700; --caution-bg: #fff1c2;
          --accent: #0969da;
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body {
          margin: 0; color: var(--ink); background: var(--page);
          font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
        }
        a { color: var(--accent); }
        h1, h2, h3 { line-height: 1.25; }
        h1 { font-size: 1.6rem; margin: 0 0 .25rem; overflow-wrap: anywhere; }
        h2 { font-size: 1.2rem; margin: 0 0 .75rem; }
        h3 { font-size: 1.05rem; margin: 0; }
        code { font: .85em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted); overflow-wrap: anywhere; }
        .page-header { background: var(--paper); border-bottom: 1px solid var(--line); padding: 1.25rem 2rem; }
        .page-header .subtitle { margin: 0; color: var(--muted); }
        .panel { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; margin-bottom: 1.5rem; }
        .muted { color: var(--muted); }
        .warnings { margin: 1rem 2rem 0; padding: .75rem 1rem; border-left: 4px solid var(--caution); background: var(--caution-bg); }
        .warnings p { margin: 0; }
        .badge { display: inline-block; padding: 0 .45em; border-radius: 1em; font-size: .8em; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
        .badge.error { color: var(--error); background: var(--error-bg); }
        .badge.caution { color: var(--caution); background: var(--caution-bg); }
        .badge.core { color: var(--ink); }
        .badge.bonus { color: var(--accent); }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { font-size: .85rem; color: var(--muted); font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        footer { color: var(--muted); font-size: .8rem; padding: 0 2rem 1.5rem; }
        @page { margin: 14mm; }
        @media print {
          body { background: #fff; font-size: 10.5pt; }
          .page-header { padding: 0 0 .75rem; border-bottom: 2px solid var(--ink); }
          .panel { border: none; padding: 0; margin: 1rem 0 0; }
          .warnings { margin: .75rem 0 0; }
          a { color: inherit; text-decoration: none; }
          mark, .badge, .bar, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          tr, li { break-inside: avoid; }
          h2, h3 { break-after: avoid; }
          footer { padding: 1rem 0 0; }
        }
        """

    static let report = base + """

        .total { margin: .35rem 0 0; font-size: 1.1rem; }
        .total .score { font-size: 2rem; font-weight: 700; }
        .summary-line { margin: .35rem 0 0; }
        .layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); align-items: start; gap: 1.5rem; padding: 1.5rem 2rem 0; max-width: 1500px; margin: 0 auto; }
        @media (max-width: 900px) { .layout { grid-template-columns: minmax(0, 1fr); padding: 1rem; } .page-header { padding: 1rem; } }
        .legend { margin: 0 0 .75rem; font-size: .85rem; color: var(--muted); }
        .legend mark { margin-right: .75rem; }
        .essay { white-space: pre-wrap; overflow-wrap: anywhere; font-family: Georgia, "Times New Roman", serif; font-size: 1.08rem; line-height: 1.75; }
        mark { color: inherit; }
        mark.point { background: var(--met-bg); border-bottom: 2px solid var(--met); }
        /* A slip's underline sits lower than a point's, over a see-through padding, so that
           where a slip and a point overlap (either nested in the other) both lines show. */
        mark.point mark.point { background: #aceebb; }
        mark.slip { padding-bottom: 3px; background-clip: content-box; }
        mark.slip.error { background-color: var(--error-bg); border-bottom: 3px solid var(--error); }
        mark.slip.caution { background-color: var(--caution-bg); border-bottom: 3px dashed var(--caution); }
        .essay mark:target { outline: 2px solid var(--accent); outline-offset: 1px; }
        .question { border-top: 1px solid var(--line); padding-top: .75rem; margin-top: .75rem; }
        .question:first-of-type { border-top: none; margin-top: 0; padding-top: 0; }
        .question-head { display: flex; flex-wrap: wrap; gap: .25rem .75rem; align-items: baseline; justify-content: space-between; }
        .question-score { font-weight: 700; white-space: nowrap; }
        .prompt { margin: .15rem 0 0; color: var(--muted); font-size: .9rem; font-style: italic; }
        .level { font-weight: 600; color: var(--met); }
        ul.points, ul.slips { list-style: none; padding: 0; margin: .5rem 0 0; }
        ul.points li { display: grid; grid-template-columns: 1.5rem minmax(0, 1fr); margin: 0 0 .6rem; }
        .icon { font-weight: 700; }
        li.met .icon { color: var(--met); }
        li.missed .icon { color: var(--todo); }
        .point-name { font-weight: 600; }
        .quote { margin: .2rem 0 0; padding-left: .6rem; border-left: 3px solid var(--met); font-family: Georgia, "Times New Roman", serif; }
        .quote a { color: inherit; text-decoration: none; }
        .quote .match { background: var(--met-bg); }
        .where { font-size: .85rem; color: var(--muted); white-space: nowrap; }
        .feedback { margin: .2rem 0 0; padding: .2rem .5rem; background: var(--todo-bg); border-radius: 4px; }
        ul.slips li { margin: 0 0 .9rem; padding: .5rem .75rem; border-left: 4px solid var(--error); background: var(--error-bg); border-radius: 0 4px 4px 0; }
        ul.slips li.caution { border-left-color: var(--caution); background: var(--caution-bg); }
        ul.slips p { margin: .2rem 0 0; }
        .slip-text { font-family: Georgia, "Times New Roman", serif; }
        .source { font-size: .85rem; color: var(--muted); overflow-wrap: anywhere; }
        @media print {
          .layout { display: block; padding: 0; }
          .essay { font-size: 11pt; line-height: 1.6; }
          ul.slips li { border-left-width: 3px; }
          .question-head, .quote, .feedback, ul.slips li { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """

    static let summary = base + """

        main { max-width: 1100px; margin: 0 auto; padding: 1.5rem 2rem 0; }
        .page-header { padding-left: max(2rem, calc((100% - 1100px) / 2 + 2rem)); padding-right: max(2rem, calc((100% - 1100px) / 2 + 2rem)); }
        .slip-table td:first-child { white-space: nowrap; }
        @media (max-width: 900px) { main { padding: 1rem; } .page-header { padding: 1rem; } }
        .stats { display: flex; flex-wrap: wrap; gap: .75rem 2.5rem; margin: .75rem 0 0; padding: 0; list-style: none; }
        .stats li { display: flex; flex-direction: column; }
        .stats .value { font-size: 1.6rem; font-weight: 700; font-variant-numeric: tabular-nums; }
        .stats .label { font-size: .85rem; color: var(--muted); }
        .chart { width: 100%; max-width: 720px; height: auto; display: block; }
        .chart .bar { fill: #4c8bf5; }
        .chart .axis { stroke: var(--ink); stroke-width: 1; }
        .chart .grid { stroke: var(--line); stroke-width: 1; }
        .chart text { font-size: 12px; fill: var(--ink); font-family: system-ui, sans-serif; }
        .chart .count { font-weight: 600; }
        .chart .axis-title { font-size: 13px; fill: var(--muted); }
        tr.question-row th { background: var(--page); color: var(--ink); font-size: .95rem; padding-top: .6rem; }
        tr.weak td { background: var(--error-bg); }
        tr.weak td.point-cell { font-weight: 600; }
        tr.weak .rate { color: var(--error); font-weight: 700; }
        .ratebar { vertical-align: middle; margin-left: .5rem; }
        .ratebar .track { fill: #eaeef2; }
        .ratebar .fill { fill: var(--met); }
        tr.weak .ratebar .fill { fill: var(--error); }
        .most-missed { margin: 0 0 1rem; padding-left: 1.25rem; }
        .most-missed li { margin: .15rem 0; }
        td.student { overflow-wrap: anywhere; }
        @media print {
          main { padding: 0; max-width: none; }
          .page-header { padding: 0 0 .75rem; }
          tr.weak td, .ratebar, .chart { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .student-table a[href]::after { content: " (" attr(href) ")"; color: var(--muted); }
        }
        """
}
