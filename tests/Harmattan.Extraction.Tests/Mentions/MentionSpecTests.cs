using Harmattan.Extraction.Tests.Specs;
using Harmattan.Knowledge;
using Xunit.Abstractions;

namespace Harmattan.Extraction.Tests.Mentions;

/// <summary>
/// <c>Specs/Mentions.md</c>: every entity of each example as <c>Type | name | alias, alias</c>, from the
/// assembled extraction (what the contract JSON holds), so recognition, merging and in-document linking
/// are checked together.
/// </summary>
public sealed class MentionSpecTests(ITestOutputHelper output)
{
    public static TheoryData<int> Examples() => SpecFile.Lines("Mentions.md", "entities");

    [Theory]
    [MemberData(nameof(Examples))]
    public void Spec_example_gives_the_expected_entities(int line)
    {
        var example = SpecFile.Example("Mentions.md", line);
        var extraction = SpecFile.Pipeline.Extract("spec", example.Text, example.Published);
        SpecFile.AssertSame(example, example.Blocks["entities"], extraction.Entities.Select(Line), output);
    }

    [Fact]
    public void Spec_covers_every_kind_of_mention()
    {
        var examples = SpecFile.WithBlock("Mentions.md", "entities").ToList();
        var sections = string.Join("\n", examples.Select(e => e.Section));
        foreach (var section in new[] { "Registry", "Gazetteer", "Demonyms", "(ACR)", "known as", "Unseen", "headings", "Surnames", "Possessives" })
        {
            Assert.Contains(section, sections, StringComparison.Ordinal);
        }

        var expected = examples.SelectMany(e => e.Blocks["entities"]).ToList();
        foreach (var type in Enum.GetNames<EntityType>())
        {
            Assert.Contains(expected, l => l.StartsWith(type + " |", StringComparison.Ordinal));
        }

        Assert.True(examples.Count(e => e.Blocks["entities"].Count == 0) >= 3, "too few examples that expect no entity");
    }

    private static string Line(Entity entity) =>
        entity.Aliases.Count == 0
            ? $"{entity.Type} | {entity.Name}"
            : $"{entity.Type} | {entity.Name} | {string.Join(", ", entity.Aliases)}";
}
