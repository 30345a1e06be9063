package dev.lamina.predict;

/**
 * One raw column a {@link Predictor} reads: its name as in the training CSV and whether it is
 * numeric (a number, or a boolean as 1/0) or text (a category, looked up by its text).
 *
 * @param name the column's name
 * @param numeric true for a number column, false for a categorical (text) one
 */
public record InputColumn(String name, boolean numeric) {}
