using System.Text.RegularExpressions;
using Harmattan.Extraction.Pipeline;
using Harmattan.Extraction.Tests.Specs;

namespace Harmattan.Extraction.Tests.Invariants;

/// <summary>
/// Crashes found by <see cref="PipelineProperties"/> and not fixed yet, each pinned by a test that
/// fails once the crash is gone. Whoever fixes one deletes its test, turns the text into a spec
/// example and lifts the matching filter of the property.
/// </summary>
public sealed partial class KnownCrashTests
{
    /// <summary>An opening and a closing parenthesis with only spaces or invisible characters between them.</summary>
    [GeneratedRegex(@"\([\s\u00AD\u200B-\u200D\u2060\uFEFF]*\)")]
    internal static partial Regex EmptyParentheses { get; }

    /// <summary>
    /// <c>mentions.definition/1</c> builds the span between the brackets of "( )" before a name, from
    /// the token after "(" to the token before ")", which is negative when nothing is inside.
    /// </summary>
    [Theory]
    [InlineData("The ( ) Liberation of Azawad AQMI.")]
    [InlineData("\" ( ) President s Liberation of Azawad AQMI")]
    public void Empty_parentheses_before_a_name_crash_the_definition_recognizer(string text)
    {
        Assert.Matches(EmptyParentheses, text);
        var e = Assert.Throws<ExtractionException>(() => SpecFile.Pipeline.Extract("crash", text, null));
        Assert.Equal("mentions.definition/1", e.Component);
    }
}
