using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Extraction.Pipeline;

/// <summary>Splits the text into tokens (spans into the document's text; nothing is copied).</summary>
public sealed class TokenizerComponent(Tokenizer tokenizer) : IComponent
{
    public string Name => "text.tokenizer/1";

    public IReadOnlyList<string> Requires { get; } = [];

    public IReadOnlyList<string> Assigns { get; } = [Layers.Tokens];

    public void Process(AnalyzedDocument document) => document.Tokens = tokenizer.Tokenize(document.Text);
}

/// <summary>Groups the tokens into sentences, headings and list items.</summary>
public sealed class SentenceComponent(SentenceSplitter splitter) : IComponent
{
    public string Name => "text.sentences/1";

    public IReadOnlyList<string> Requires { get; } = [Layers.Tokens];

    public IReadOnlyList<string> Assigns { get; } = [Layers.Sentences];

    public void Process(AnalyzedDocument document) => document.Sentences = splitter.Split(document.Text, document.Tokens);

    /// <summary>The abbreviation lexicon of a data folder, with its load errors in our catalogue's terms.</summary>
    public static AbbreviationLexicon Abbreviations(DataDirectory data)
    {
        var path = Path.Combine(data.Root, "lexicons", "en", "abbreviations.tsv");
        try
        {
            return AbbreviationLexicon.Load(path);
        }
        catch (DataFileException e)
        {
            throw HarmattanError.BadDataFile.At($"{e.File}:{e.Line}", e.Problem, e);
        }
        catch (IOException e)
        {
            throw HarmattanError.BadDataFile.At(path, File.Exists(path) ? e.Message : "the data file is missing", e);
        }
    }
}
