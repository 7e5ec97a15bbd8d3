using SkiaSharp;
using Svg.Skia;

namespace FinCloud.Web.Features.Continuity;

/// <summary>The dashboard charts as PNG, drawn from the same SVG (Korean text needs a CJK font such as fonts-noto-cjk).</summary>
public static class ChartPng
{
    public static byte[] FromSvg(string svg)
    {
        using var picture = new SKSvg();
        picture.FromSvg(svg);
        using var stream = new MemoryStream();
        if (!picture.Save(stream, SKColors.White, SKEncodedImageFormat.Png, 100, 1f, 1f))
        {
            throw new InvalidOperationException("The chart could not be drawn as PNG.");
        }

        return stream.ToArray();
    }
}
