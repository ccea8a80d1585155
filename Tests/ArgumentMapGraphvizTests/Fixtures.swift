import ArgumentMap

/// Maps built in code for the renderer's tests: a slice of the running example (Stalin's foreign
/// policy, 1928–1941) with every node kind, every relation, scoped links, a flag and dates.
enum Fixtures {
  static let stalin = ArgumentMap(
    metadata: Metadata(title: "Stalin's foreign policy, 1928–1941"),
    nodes: [
      Node(.mainAim, "security", "Security of the USSR against a German invasion"),
      Node(
        .subAim, "recognition", "Political recognition by the western powers",
        links: [Link(.supports, .node("security"), reasoning: "recognition brings treaties")]),
      Node(
        .subAim, "strength", "Industrial and military strength",
        links: [Link(.supports, .node("security"), reasoning: "a strong USSR is harder to invade")]
      ),
      Node(
        .interpretation, "aggressive",
        "Stalin meant to draw the West into a ruinous war and expand west"),
      Node(.interpretation, "defensive", "Stalin sought security against a German invasion"),
      Node(
        .event, "league", "The USSR joins the League of Nations",
        date: DateSpan(start: HistoricalDate(year: 1934, month: 9, day: 18)),
        links: [Link(.supports, .node("recognition"))]),
      Node(
        .event, "rapallo-cancelled", "Hitler comes to power and cancels the Rapallo Treaty",
        date: DateSpan(start: HistoricalDate(year: 1933)),
        flags: [
          Flag(
            "Hitler's government ratified the Berlin Treaty extension on 5 May 1933",
            sources: ["Treaty of Berlin (1926), Wikipedia"])
        ],
        links: [Link(.opposes, .node("recognition"))]),
      Node(
        .event, "munich", "The USSR is left out of the Munich Conference",
        date: DateSpan(start: HistoricalDate(year: 1938, month: 9, day: 29)),
        links: [Link(.opposes, .node("recognition"))]),
      Node(
        .event, "nazi-soviet-pact", "Nazi–Soviet Pact, with a secret protocol",
        date: DateSpan(start: HistoricalDate(year: 1939, month: 8, day: 23)),
        links: [
          Link(
            .supports, .node("strength"), scope: "defensive",
            reasoning: "bought time to build up industry and arms"),
          Link(
            .supports, .node("aggressive"), strength: 0.7,
            reasoning: "the secret protocol put eastern Poland in the Soviet sphere"),
          Link(.opposes, .node("security"), reasoning: "Germany invaded less than two years later"),
        ]),
      Node(
        .event, "barbarossa", "Germany invades the USSR",
        date: DateSpan(start: HistoricalDate(year: 1941, month: 6, day: 22)),
        links: [Link(.opposes, .node("security"))]),
      Node(
        .evidence, "mein-kampf", "Hitler wrote of Lebensraum in the east in Mein Kampf",
        date: DateSpan(start: HistoricalDate(year: 1925)),
        sources: ["Hitler, Mein Kampf, vol. 2, ch. 14"]),
      Node(
        .counterclaim, "invasion-inevitable", "The Nazis would have invaded the USSR anyway",
        links: [
          Link(
            .undercuts, .link(from: "barbarossa", to: "security"),
            reasoning: "if invasion was inevitable, it does not show the policy failed")
        ]),
      Node(
        .claim, "time-bought", "The pact gave the USSR time to re-arm",
        links: [Link(.supports, .node("strength"), scope: "defensive")]),
    ])

  /// A map whose texts try every trick against DOT and SVG.
  static func hostile(_ text: String) -> ArgumentMap {
    ArgumentMap(
      metadata: Metadata(title: text),
      nodes: [
        Node(.mainAim, "aim", text),
        Node(
          .claim, "claim", text,
          sources: [text], flags: [Flag(text)],
          links: [Link(.supports, .node("aim"), reasoning: text)]),
      ])
  }
}
