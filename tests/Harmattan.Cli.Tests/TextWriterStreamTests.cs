using System.Text;
using CsCheck;

namespace Harmattan.Cli.Tests;

/// <summary>What an export writes to standard output arrives as the text it encodes, however its bytes are cut.</summary>
public sealed class TextWriterStreamTests
{
    private static readonly Gen<string> Text = Gen.OneOf(
            Gen.Const("Gao"), Gen.Const("é"), Gen.Const("Ménaka"), Gen.Const("“JNIM”"), Gen.Const("😀"), Gen.Const("𠀀"),
            Gen.Const("🇲🇱"), Gen.Const("\n"), Gen.Const(" "), Gen.Const("ء"), Gen.Const("ⵜⴰⵎⴰⵣⵉⵖⵜ"),
            Gen.Char['a', 'z'].Select(c => c.ToString()))
        .Array[0, 80]
        .Select(pieces => string.Concat(pieces));

    [Fact]
    public void Bytes_written_in_any_pieces_reach_the_writer_as_the_text_they_encode()
    {
        Gen.Select(Text, Gen.Int[1, 9].Array[1, 20]).Sample((text, cuts) =>
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var output = new StringWriter();
            using (var stream = new TextWriterStream(output))
            {
                var at = 0;
                for (var n = 0; at < bytes.Length; n++)
                {
                    var length = Math.Min(cuts[n % cuts.Length], bytes.Length - at);
                    if (length == 1)
                    {
                        stream.WriteByte(bytes[at]);
                    }
                    else
                    {
                        stream.Write(bytes, at, length);
                    }

                    at += length;
                }
            }

            Assert.Equal(text, output.ToString());
        });
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_refused()
    {
        using var stream = new TextWriterStream(new StringWriter());

        Assert.Throws<DecoderFallbackException>(() => stream.Write([0x47, 0xC3, 0x28]));
    }
}
