package org.poseanalytics.pose.video;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVProbeData;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * What a video file's container header declares, read without decoding a frame: FFmpeg first names the container from
 * the file's first bytes alone (no demuxer runs), which must be an allowed one; only then does that demuxer read the
 * header, limited to the local file. The header's values go to {@link VideoLimits#check} before anything decodes.
 */
final class VideoHeader {
    /** What FFmpeg's own probe reads first; plus the zeroed padding it requires after the data. */
    private static final int PROBE_BYTES = 1 << 16;

    private VideoHeader() {}

    /** The header's values (rotation unknown: 0; frame rate, duration and frames 0 where not declared). */
    static VideoInfo read(Path file, VideoLimits limits) throws UnreadableVideoException {
        String demuxer = demuxer(file);
        if (demuxer == null) throw new UnreadableVideoException("not a video FFmpeg can read (unknown format)");
        if (VideoProbe.isImageFormat(demuxer)) {
            throw new UnreadableVideoException("the file is a still image (" + demuxer + "), not a video");
        }
        if (!limits.allowsContainer(demuxer)) limits.check(new VideoInfo(demuxer, null, 0, 0, 0, 0, 0, 0, false, false));
        AVFormatContext ctx = new AVFormatContext(null);
        AVDictionary options = new AVDictionary(null);
        avutil.av_dict_set(options, "protocol_whitelist", "file", 0);
        avutil.av_dict_set(options, "format_whitelist", limits.formatWhitelist(), 0);
        try {
            int ret = avformat.avformat_open_input(ctx, file.toAbsolutePath().toString(), null, options);
            if (ret < 0) throw new UnreadableVideoException("not a video FFmpeg can read (" + error(ret) + ")");
            try {
                // What the container header says, before FFmpeg looks into the stream (a size it leaves 0 passes here).
                limits.check(values(ctx));
                findStreamInfo(ctx, (long) limits.maxWidth() * limits.maxHeight());
                VideoInfo info = values(ctx);
                if (info.width() <= 0 || info.height() <= 0) {
                    throw new UnreadableVideoException("the video does not declare its frame size");
                }
                limits.check(info);
                return info;
            } finally {
                avformat.avformat_close_input(ctx);
            }
        } finally {
            avutil.av_dict_free(options);
        }
    }

    /**
     * FFmpeg's look into the first packets, for what the header leaves out (MPEG-4 Part 2 keeps its frame size in the
     * stream, Matroska may leave out the frame rate). Parsers read sizes without decoding; a decoder it tries on the way
     * refuses pictures over {@code maxPixels} rather than allocating them.
     */
    private static void findStreamInfo(AVFormatContext ctx, long maxPixels) throws UnreadableVideoException {
        int n = ctx.nb_streams();
        PointerPointer<AVDictionary> perStream = new PointerPointer<>(n);
        AVDictionary[] dicts = new AVDictionary[n];
        for (int i = 0; i < n; i++) {
            dicts[i] = new AVDictionary(null);
            avutil.av_dict_set(dicts[i], "max_pixels", String.valueOf(maxPixels), 0);
            perStream.put(i, dicts[i]);
        }
        try {
            int ret = avformat.avformat_find_stream_info(ctx, perStream);
            if (ret < 0) throw new UnreadableVideoException("not a video FFmpeg can read (" + error(ret) + ")");
        } finally {
            // FFmpeg leaves each stream's unused options in its slot.
            for (int i = 0; i < n; i++) avutil.av_dict_free(new AVDictionary(perStream.get(i)));
            perStream.close();
        }
    }

    private static VideoInfo values(AVFormatContext ctx) throws UnreadableVideoException {
        String container = ctx.iformat().name().getString();
        AVStream video = null;
        boolean audio = false;
        for (int i = 0; i < ctx.nb_streams(); i++) {
            AVStream st = ctx.streams(i);
            int type = st.codecpar().codec_type();
            if (type == avutil.AVMEDIA_TYPE_AUDIO) audio = true;
            boolean cover = (st.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) != 0;
            if (type == avutil.AVMEDIA_TYPE_VIDEO && !cover && video == null) video = st;
        }
        if (video == null) {
            throw new UnreadableVideoException(audio ? "the file holds only audio, no video stream" : "the file holds no video stream");
        }
        AVCodecParameters p = video.codecpar();
        String codec = avcodec.avcodec_get_name(p.codec_id()).getString();
        double fps = rate(video.avg_frame_rate());
        if (fps <= 0) fps = rate(video.r_frame_rate());
        double duration = ctx.duration() != avutil.AV_NOPTS_VALUE && ctx.duration() > 0 ? ctx.duration() / (double) avutil.AV_TIME_BASE
                : video.duration() != avutil.AV_NOPTS_VALUE && video.duration() > 0 ? video.duration() * rate(video.time_base()) : 0;
        long frames = video.nb_frames() > 0 ? video.nb_frames() : fps > 0 && duration > 0 ? Math.round(duration * fps) : 0;
        return new VideoInfo(container, codec, p.width(), p.height(), 0, frames, duration, fps, false, audio);
    }

    /** The demuxer FFmpeg would choose for the file's first bytes, judged by content (and name) without opening it. */
    private static String demuxer(Path file) throws UnreadableVideoException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(PROBE_BYTES);
        } catch (IOException e) {
            throw new UnreadableVideoException("cannot read the file: " + e.getMessage(), e);
        }
        byte[] padded = new byte[head.length + avformat.AVPROBE_PADDING_SIZE];
        System.arraycopy(head, 0, padded, 0, head.length);
        try (BytePointer buf = new BytePointer(padded); BytePointer name = new BytePointer(file.getFileName().toString());
             AVProbeData probe = new AVProbeData()) {
            probe.filename(name).buf(buf).buf_size(head.length).mime_type(null);
            AVInputFormat format = avformat.av_probe_input_format(probe, 1);
            return format == null || format.isNull() ? null : format.name().getString();
        }
    }

    private static double rate(AVRational r) { return r.den() == 0 ? 0 : r.num() / (double) r.den(); }

    private static String error(int code) {
        byte[] text = new byte[256];
        avutil.av_strerror(code, text, text.length);
        int n = 0;
        while (n < text.length && text[n] != 0) n++;
        return new String(text, 0, n);
    }
}
