using System.Text;

namespace Harmattan.Store.Postgres;

/// <summary>
/// A <see cref="SearchQuery"/> as the text of a PostgreSQL <c>to_tsquery</c> that cannot be a syntax error:
/// every term is a quoted lexeme, which to_tsquery runs through the text search configuration (so a quoted
/// phrase becomes words joined by &lt;-&gt;, accents and case are folded as in the index, and tsquery
/// operators the user typed are only text).
/// </summary>
internal static class TsQuery
{
    public static string Render(SearchQuery query)
    {
        var text = new StringBuilder();
        foreach (var clause in query.Clauses)
        {
            if (text.Length > 0)
            {
                text.Append(" & ");
            }

            if (clause.Count > 1)
            {
                text.Append('(');
            }

            for (var t = 0; t < clause.Count; t++)
            {
                if (t > 0)
                {
                    text.Append(" | ");
                }

                AppendTerm(text, clause[t]);
            }

            if (clause.Count > 1)
            {
                text.Append(')');
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Inside quotes, tsquery reads a backslash as an escape and a doubled quote as a quote. PostgreSQL text
    /// cannot hold U+0000, so it separates words like a space.
    /// </summary>
    private static void AppendTerm(StringBuilder text, SearchTerm term)
    {
        text.Append('\'');
        foreach (var c in term.Text)
        {
            _ = c switch
            {
                '\'' => text.Append("''"),
                '\\' => text.Append(@"\\"),
                '\0' => text.Append(' '),
                _ => text.Append(c),
            };
        }

        text.Append('\'');
        if (term.Prefix)
        {
            text.Append(":*");
        }
    }
}
