package ru.eventbot.testsupport.telegram;

/** A file part of a multipart request, as received. */
public record UploadedFile(String partName, String fileName, String contentType, byte[] bytes) {

    public int size() {
        return bytes.length;
    }

    @Override
    public String toString() {
        return "UploadedFile[" + partName + ", " + fileName + ", " + contentType + ", " + bytes.length + " bytes]";
    }
}
