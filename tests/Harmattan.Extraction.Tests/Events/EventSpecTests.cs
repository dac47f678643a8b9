using Harmattan.Extraction.Tests.Specs;
using Xunit.Abstractions;

namespace Harmattan.Extraction.Tests.Events;

/// <summary>
/// <c>Specs/Events.md</c>: each example's events as <c>type date</c>, optionally followed by
/// <c>| places: A, B</c> and <c>| actors: C</c>, names the event must include (by the entity's name or
/// one of its surface forms). Also runs the date, quantity and event span invariants over every example of every spec.
/// </summary>
public sealed class EventSpecTests(ITestOutputHelper output)
{
    public static TheoryData<int> Examples() => SpecFile.Lines("Events.md", "events");

    [Theory]
    [MemberData(nameof(Examples))]
    public void Spec_example_gives_the_expected_events(int line)
    {
        var example = SpecFile.Example("Events.md", line);
        var doc = SpecFile.Analyze(example);
        var expectedLines = example.Blocks["events"];
        var problems = SpecFile.Differences(expectedLines.Select(e => e.Split('|')[0].Trim()),
            doc.Events.Select(e => $"{e.Type} {e.Date.Date.ToIso()}"));

        foreach (var expected in expectedLines)
        {
            var parts = expected.Split('|', StringSplitOptions.TrimEntries);
            var ev = doc.Events.FirstOrDefault(e => $"{e.Type} {e.Date.Date.ToIso()}" == parts[0]);
            if (ev is null)
            {
                continue;
            }

            foreach (var part in parts.Skip(1))
            {
                var colon = part.IndexOf(':', StringComparison.Ordinal);
                var role = part[..colon];
                var entities = role == "places" ? ev.Places : ev.Actors;
                foreach (var name in part[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!entities.Any(x => x.Name == name || x.Aliases(doc.Text).Contains(name)))
                    {
                        problems.Add($"{parts[0]} lacks {role} '{name}'; has {string.Join(", ", entities.Select(x => x.Name))}");
                    }
                }
            }
        }

        SpecFile.Verdict(example, problems, output);
    }

    public static TheoryData<string, int> AllExamples() => SpecFile.AllExamples();

    /// <summary>Every span slices the text to its surface, dates never overlap, and no quantity sits on a date.</summary>
    [Theory]
    [MemberData(nameof(AllExamples))]
    public void Every_span_of_every_example_keeps_the_invariants(string file, int line)
    {
        var example = SpecFile.Example(file, line);
        var doc = SpecFile.Analyze(example);
        var spans = doc.Dates.Select(d => d.Span)
            .Concat(doc.Quantities.Select(q => q.Span))
            .Concat(doc.Events.SelectMany(e => new[] { e.Trigger, e.Evidence, e.Date.Span }));
        foreach (var span in spans)
        {
            Assert.InRange(span.End, span.Start + 1, doc.Text.Length);
            Assert.Equal(span.Of(doc.Text), doc.Text[span.Start..span.End]);
            Assert.False(char.IsWhiteSpace(doc.Text[span.Start]) || char.IsWhiteSpace(doc.Text[span.End - 1]), $"{example}: span {span} has outer space");
        }

        var dates = doc.Dates.OrderBy(d => d.Span.Start).ToList();
        for (var k = 1; k < dates.Count; k++)
        {
            Assert.False(dates[k - 1].Span.Overlaps(dates[k].Span), $"{example}: dates overlap");
        }

        Assert.DoesNotContain(doc.Quantities, q => doc.Dates.Any(d => d.Span.Overlaps(q.Span)));
        Assert.All(doc.Events, e => Assert.Equal("events.trigger/1", e.Component));
    }

    [Fact]
    public void The_default_pipeline_runs_dates_quantities_and_events_in_order()
    {
        var names = SpecFile.Pipeline.Components.Select(c => c.Name).ToList();
        Assert.True(names.IndexOf("dates.recognizer/1") < names.IndexOf("quantities.recognizer/1"));
        Assert.True(names.IndexOf("quantities.recognizer/1") < names.IndexOf("events.trigger/1"));
        Assert.True(names.IndexOf("entities.linker/1") < names.IndexOf("dates.recognizer/1"));
    }
}
